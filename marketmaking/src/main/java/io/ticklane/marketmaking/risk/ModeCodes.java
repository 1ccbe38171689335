package io.ticklane.marketmaking.risk;

import io.ticklane.marketmaking.StrategyMode;
import io.ticklane.sbe.CheckpointMode;
import io.ticklane.sbe.CheckpointModeReason;

/**
 * The strategy mode and its reason as the checkpoint's SBE codes, and back. The codes are fixed numbers in the
 * schema, matched to the Java enums by name once at class load, so reordering a Java enum never changes what a stored
 * checkpoint means; a Java constant without a code fails the class load (and every checkpoint test).
 */
final class ModeCodes
{
    private static final StrategyMode[] MODE_BY_CODE = new StrategyMode[256];
    private static final ModeReason[] REASON_BY_CODE = new ModeReason[256];
    private static final CheckpointMode[] CODE_BY_MODE = new CheckpointMode[StrategyMode.values().length];
    private static final CheckpointModeReason[] CODE_BY_REASON = new CheckpointModeReason[ModeReason.values().length];

    static
    {
        for (final StrategyMode mode : StrategyMode.values())
        {
            final CheckpointMode code = CheckpointMode.valueOf(mode.name());
            CODE_BY_MODE[mode.ordinal()] = code;
            MODE_BY_CODE[code.value()] = mode;
        }
        for (final ModeReason reason : ModeReason.values())
        {
            final CheckpointModeReason code = CheckpointModeReason.valueOf(reason.name());
            CODE_BY_REASON[reason.ordinal()] = code;
            REASON_BY_CODE[code.value()] = reason;
        }
    }

    private ModeCodes()
    {
    }

    static CheckpointMode code(final StrategyMode mode)
    {
        return CODE_BY_MODE[mode.ordinal()];
    }

    static CheckpointModeReason code(final ModeReason reason)
    {
        return CODE_BY_REASON[reason.ordinal()];
    }

    /**
     * @return the mode, or null for a code this build does not know.
     */
    static StrategyMode mode(final short code)
    {
        return code >= 0 && code < MODE_BY_CODE.length ? MODE_BY_CODE[code] : null;
    }

    /**
     * @return the reason, or null for a code this build does not know.
     */
    static ModeReason reason(final short code)
    {
        return code >= 0 && code < REASON_BY_CODE.length ? REASON_BY_CODE[code] : null;
    }
}
