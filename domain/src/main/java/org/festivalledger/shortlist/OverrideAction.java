package org.festivalledger.shortlist;

/** How an organiser departs from the standings when drawing a shortlist. */
public enum OverrideAction {
    /** Puts an entry on the shortlist that the standings left below the cut-off. */
    INCLUDE,
    /** Keeps an entry off the shortlist: one the standings put above the cut-off, or a tied one below it. */
    EXCLUDE
}
