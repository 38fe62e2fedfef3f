/**
 * The languages pages are read in: Simplified Chinese and English. Every text a person reads on a page comes from
 * the message bundles under {@code i18n/pages/} (one pair per area, same keys in both); the language is the
 * visitor's choice (a cookie set by the switcher) or else their browser's {@code Accept-Language}; dates, times and
 * numbers are written in that language and in the festival's time zone. Refusals of the festival's rules are
 * explained in the reader's language too ({@link org.festivalledger.language.Refusals}).
 */
package org.festivalledger.language;
