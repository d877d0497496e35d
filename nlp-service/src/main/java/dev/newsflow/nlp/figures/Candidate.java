package dev.newsflow.nlp.figures;

import dev.newsflow.events.FigureKind;
import java.math.BigDecimal;

/** A figure while it is being found, linked and given a subject (one extract call, one thread). */
final class Candidate {
    /** Start including a prefix qualifier (约, 近...). */
    int start;
    int numberStart;
    int end;
    BigDecimal value;
    String unit;
    FigureKind kind;
    boolean approximate;
    String qualifier;
    String subject;
    /** The magnitude written with the number (万 -> 10000), which a bare number before it in a list shares. */
    long factor = 1;

    /** Change attached to this figure (its own direction for absolute changes, or linked from an amount). */
    String direction;
    String basis;
    BigDecimal changePercent;
    BigDecimal changePoints;

    /** This figure is the amount of a change (同比增长124.83%): start of its verb phrase, its chain. */
    boolean changeAmount;
    int verbStart = -1;
    /** Linked into another figure's change: not emitted. */
    boolean dropped;

    Candidate(int start, int numberStart, int end, BigDecimal value, String unit, FigureKind kind,
              boolean approximate, String qualifier) {
        this.start = start;
        this.numberStart = numberStart;
        this.end = end;
        this.value = value;
        this.unit = unit;
        this.kind = kind;
        this.approximate = approximate;
        this.qualifier = qualifier;
    }
}
