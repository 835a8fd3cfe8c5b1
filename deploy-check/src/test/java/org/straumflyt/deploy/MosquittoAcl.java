package org.straumflyt.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The `user` / `topic read|write|readwrite <filter>` lines of a Mosquitto ACL file; `""` is anonymous. */
record MosquittoAcl(Map<String, List<String[]>> rules) {

    static MosquittoAcl parse(String text) {
        Map<String, List<String[]>> rules = new LinkedHashMap<>();
        String user = "";
        for (String raw : text.split("\n")) {
            String[] words = raw.trim().split("\\s+");
            if (words.length >= 2 && words[0].equals("user")) {
                user = words[1];
            } else if (words.length == 3 && words[0].equals("topic")) {
                rules.computeIfAbsent(user, u -> new ArrayList<>()).add(new String[] {words[1], words[2]});
            }
        }
        return new MosquittoAcl(rules);
    }

    /** Whether some read rule of the user covers every topic the subscription filter can match. */
    boolean mayRead(String user, String filter) {
        return rules.getOrDefault(user, List.of()).stream()
                .anyMatch(rule -> !rule[0].equals("write") && covers(rule[1], filter));
    }

    /** Whether ACL pattern {@code acl} matches every topic that {@code filter} matches. */
    static boolean covers(String acl, String filter) {
        String[] a = acl.split("/", -1);
        String[] f = filter.split("/", -1);
        for (int i = 0; i < a.length; i++) {
            if (a[i].equals("#")) {
                return true;
            }
            if (i >= f.length || f[i].equals("#")) {
                return false;
            }
            if (!a[i].equals("+") && !a[i].equals(f[i])) {
                return false;
            }
        }
        return a.length == f.length;
    }
}
