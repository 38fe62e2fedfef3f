package org.festivalledger.competition;

/** An award the competition confers, e.g. "Best AIGC Short"; some categories may be shared by joint winners. */
public record AwardCategory(String id, String name, boolean jointWinnersAllowed) {
}
