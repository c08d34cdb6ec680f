/**
 * Alerts and the channels that deliver them: a breached monitoring rule is an {@link
 * dev.candor.monitor.alert.Alert}; channels (webhook, e-mail, Prometheus text file) deliver them and
 * report a {@link dev.candor.monitor.alert.Delivery} each, never throwing for a failed delivery.
 */
package dev.candor.monitor.alert;
