package org.tillwatch.simulator;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Loyalty and failed transactions of one store closed in one UTC hour; written as {@code [loyalty, failed]}. */
@JsonFormat(shape = JsonFormat.Shape.ARRAY)
@JsonPropertyOrder({"loyalty", "failed"})
public record HourCount(int loyalty, int failed) {
}
