package org.straumflyt.processor.series;

import org.straumflyt.model.QualityFlag;

/**
 * A reset, rollover, glitch or spike of a register, or a quarantined power sample ({@code SPIKE}), located at the
 * reading that revealed it.
 *
 * @param at   epoch ms of that reading
 * @param type {@code RESET}, {@code ROLLOVER}, {@code GLITCH} or {@code SPIKE}
 */
public record RegisterEvent(long at, QualityFlag type) {
}
