package org.festivalledger.submission;

import jakarta.servlet.http.HttpServletResponse;
import org.festivalledger.http.ProjectionProgress;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import java.time.Duration;

/**
 * How every organiser's entry page answers: a sentence in the reader's language, a wait for the views to show what a
 * command just recorded (so the page it redirects to shows it), and the not-found page. Kept in one place so the
 * list, the entry, the recording and the import pages cannot drift apart in how they do it.
 */
@Component
class EntryPageAnswers {

    private final MessageSource messages;
    private final ProjectionProgress progress;

    EntryPageAnswers(MessageSource messages, ProjectionProgress progress) {
        this.messages = messages;
        this.progress = progress;
    }

    String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }

    void settle(long position) {
        progress.awaitPosition(position, Duration.ofSeconds(5));
    }

    String notFound(HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        model.addAttribute("status", 404);
        return "error";
    }
}
