package io.ticklane.gateway.sim.exchange;

/**
 * The random stream of the synthetic market: SplitMix64 with the draws it needs (coin, uniform, exponential,
 * Gaussian), allocation-free and the same on every JVM, so one seed gives the same frames everywhere. The
 * transcendental functions are {@link StrictMath}'s for that reason.
 */
final class DeterministicRandom
{
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private long state;
    private double spareGaussian;
    private boolean hasSpareGaussian;

    /**
     * @param seed first state of the stream.
     */
    DeterministicRandom(final long seed)
    {
        state = seed;
    }

    /**
     * @return the next 64 random bits.
     */
    long nextLong()
    {
        long z = (state += GOLDEN_GAMMA);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * @return a fair coin.
     */
    boolean coin()
    {
        return nextLong() < 0;
    }

    /**
     * @return uniform in [0, 1).
     */
    double uniform()
    {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /**
     * @return uniform in [0, bound), bound > 0.
     */
    long uniform(final long bound)
    {
        return (long)(uniform() * bound);
    }

    /**
     * @return exponential with mean 1.
     */
    double exponential()
    {
        return -StrictMath.log(1.0 - uniform());
    }

    /**
     * @return standard normal (Marsaglia's polar method, the second of each pair kept for the next call).
     */
    double gaussian()
    {
        if (hasSpareGaussian)
        {
            hasSpareGaussian = false;
            return spareGaussian;
        }
        double x;
        double y;
        double s;
        do
        {
            x = 2 * uniform() - 1;
            y = 2 * uniform() - 1;
            s = x * x + y * y;
        }
        while (s >= 1 || 0 == s);
        final double factor = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
        spareGaussian = y * factor;
        hasSpareGaussian = true;
        return x * factor;
    }
}
