/**
 * The operator cockpit: a web console over a running daemon (live state, authenticated STOP / FLATTEN / CANCEL ALL /
 * RESUME), a backtest explorer and Prometheus {@code /metrics}.
 * <p>
 * It exists as its own module and its own process so that nothing an operator's browser does can reach the daemon's hot
 * path: it only reads what {@code ticklane stat} reads (the counters file in the driver directory) and the run's files,
 * and it acts only through the admin stream {@code ticklane admin} uses. The web server (Javalin on Jetty) and the
 * Prometheus client stay here and in the cli; runtime, gateway and the trading code never depend on this package.
 */
package io.ticklane.cockpit;
