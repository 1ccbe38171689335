/**
 * Latency and benchmark reports: HdrHistogram files ({@code .hgrm}, {@code .hlog}) read into one percentile
 * distribution type, {@code summary.json} written and read, runs compared against a threshold, and offline HTML
 * pages with the percentile plot as inline SVG (JFreeChart drawn into JFreeSVG) and JMH result tables. Reporting
 * only: nothing here runs on the hot path, and nothing here depends on the JMH suite beside it.
 */
package io.ticklane.perf.latency;
