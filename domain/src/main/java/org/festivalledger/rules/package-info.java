/**
 * The kinds of "no" the festival can say, so the web layer maps each kind to one HTTP status in one
 * place: {@link org.festivalledger.rules.InvalidInput} (400), {@link org.festivalledger.rules.UnknownEntity}
 * (404), {@link org.festivalledger.rules.StateConflict} (409) and {@link org.festivalledger.rules.RuleViolation} (422).
 */
package org.festivalledger.rules;
