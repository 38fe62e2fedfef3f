package org.festivalledger.audit;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * An event of the trail told in the page's language: the same sentence as the API's English description
 * ({@link EventDescriptions}), from the same arguments, with the words of the reader's bundle. Templates call it as
 * {@code ${@trailSentences.of(event)}}.
 */
@Component("trailSentences")
public class TrailSentences {

    private final MessageSource messages;

    TrailSentences(MessageSource messages) {
        this.messages = messages;
    }

    /** What happened, in the page's language. */
    public String of(TrailReading.TrailEvent event) {
        Locale locale = LocaleContextHolder.getLocale();
        EventDescriptions.Sentence sentence = EventDescriptions.sentence(event.type(), event.payload(), event.actor());
        Object[] arguments = sentence.arguments().stream().map(argument -> argument == EventDescriptions.SOMEONE
                ? messages.getMessage("event.someone", null, locale)
                : argument instanceof EventDescriptions.Word word
                ? messages.getMessage(word.key(), null, word.constant(), locale) : argument).toArray();
        return messages.getMessage(sentence.key(), arguments, locale);
    }
}
