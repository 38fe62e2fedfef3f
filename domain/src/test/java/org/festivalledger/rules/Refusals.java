package org.festivalledger.rules;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

import java.util.List;

/** Matchers that say which fields a refusal blamed, so a test fails if the right exception blames the wrong thing. */
public final class Refusals {

    private Refusals() {
    }

    /** An {@link InvalidInput} that blames exactly these fields, in this order. */
    public static Matcher<InvalidInput> invalidFields(String... fields) {
        List<String> expected = List.of(fields);
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(InvalidInput refusal) {
                return refusal.errors().stream().map(InvalidInput.FieldError::field).toList().equals(expected);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("invalid input on the fields ").appendValue(expected);
            }

            @Override
            protected void describeMismatchSafely(InvalidInput refusal, Description mismatch) {
                mismatch.appendText("blamed ").appendValue(refusal.errors());
            }
        };
    }
}
