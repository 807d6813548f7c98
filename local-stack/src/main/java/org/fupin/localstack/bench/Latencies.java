package org.fupin.localstack.bench;

import org.HdrHistogram.Histogram;

import java.util.concurrent.TimeUnit;

/** Latencies recorded in microseconds (HdrHistogram, 3 significant digits); percentiles read in milliseconds. */
public final class Latencies {

    private final Histogram histogram = new Histogram(TimeUnit.HOURS.toMicros(1), 3);

    public synchronized void recordNanos(long nanos) {
        histogram.recordValue(Math.max(0, Math.min(histogram.getHighestTrackableValue(), TimeUnit.NANOSECONDS.toMicros(nanos))));
    }

    public synchronized long count() {
        return histogram.getTotalCount();
    }

    /** The given percentile (0–100) in milliseconds; NaN when nothing was recorded. */
    public synchronized double percentileMillis(double percentile) {
        if (histogram.getTotalCount() == 0) {
            return Double.NaN;
        }
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    public double p50() {
        return percentileMillis(50);
    }

    public double p99() {
        return percentileMillis(99);
    }

    public synchronized double maxMillis() {
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getMaxValue() / 1000.0;
    }
}
