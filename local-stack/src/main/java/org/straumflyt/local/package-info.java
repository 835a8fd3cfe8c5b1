/**
 * The local stack behind ./straumflyt run: private Kafka, Mosquitto and QuestDB servers, the pipeline's services and
 * the dashboard as child JVMs ({@link org.straumflyt.local.ServiceProcess}), a simulated fleet, and the options of
 * the command ({@link org.straumflyt.local.LocalStackOptions}).
 */
package org.straumflyt.local;
