package org.festivalledger.award;

import org.festivalledger.rules.RuleViolation;

/** A category has one winner unless it was announced as allowing joint winners; revoke first to change it. */
public class CategoryAlreadyAwarded extends RuleViolation {

    public CategoryAlreadyAwarded(String categoryId, String winner) {
        super("Category " + categoryId + " already has a winner (" + winner + ") and does not allow joint winners;"
                + " revoke that award first to confer it on another entry");
    }
}
