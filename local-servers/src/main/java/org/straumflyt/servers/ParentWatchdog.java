package org.straumflyt.servers;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Entry point of every child JVM the harness starts: {@code ParentWatchdog <parentPid> <mainClass> args...}.
 * It exits the child (running its shutdown hooks) when the test JVM that started it is gone,
 * even if that JVM was killed with SIGKILL, so no orphaned server outlives a test run. Then it
 * runs the real main class in the same thread.
 */
public final class ParentWatchdog {

    private static final long HALT_AFTER_MILLIS = 20_000;

    private ParentWatchdog() {
    }

    /**
     * Starts watching the parent and runs the real main class.
     *
     * @param args the parent's pid, the main class name, then the main class's arguments
     * @throws Throwable whatever the real main method throws
     */
    public static void main(String[] args) throws Throwable {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: ParentWatchdog <parentPid> <mainClass> [args...]");
        }
        long parentPid = Long.parseLong(args[0]);
        watch(parentPid);
        Method main = Class.forName(args[1]).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void watch(long parentPid) {
        ProcessHandle.of(parentPid).ifPresentOrElse(
                parent -> parent.onExit().thenRun(ParentWatchdog::exit),
                ParentWatchdog::exit);
    }

    private static void exit() {
        Thread halter = new Thread(() -> {
            try {
                Thread.sleep(HALT_AFTER_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(2);
        }, "parent-watchdog-halt");
        halter.setDaemon(true);
        halter.start();
        System.err.println("ParentWatchdog: the test JVM is gone, shutting down");
        System.exit(1);
    }
}
