package org.festivalledger.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.festivalledger.ledger.LedgerLog;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * {@code ?minPosition=N} on any query waits (up to 5 s, a few waits per client at once: {@link CatchUpWaits}) until the read models have handled ledger
 * position N, so a client sees its own writes. Every query answer carries {@code Projection-Position}.
 * A position beyond the ledger's head names nothing recorded (a client's positions all come from answers
 * given after recording), so it is refused at once instead of holding a thread for the whole wait.
 */
@Configuration(proxyBeanMethods = false)
class ReadYourWrites implements WebMvcConfigurer {

    static final String PARAMETER = "minPosition";
    static final String HEADER = "Projection-Position";
    private final ProjectionProgress progress;
    private final ProblemWriter problems;
    private final LedgerLog ledger;
    private final CatchUpWaits waits;

    ReadYourWrites(ProjectionProgress progress, ProblemWriter problems, LedgerLog ledger, CatchUpWaits waits) {
        this.progress = progress;
        this.problems = problems;
        this.ledger = ledger;
        this.waits = waits;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                    throws Exception {
                if (!"GET".equals(request.getMethod())) {
                    return true;
                }
                String requested = request.getParameter(PARAMETER);
                if (requested != null) {
                    long position;
                    try {
                        position = Long.parseLong(requested);
                    } catch (NumberFormatException e) {
                        position = -1;
                    }
                    if (position < 0) {
                        problems.write(response, HttpStatus.BAD_REQUEST, "Invalid request",
                                PARAMETER + " must be a ledger position (a whole number, 0 or more)");
                        return false;
                    }
                    if (position > progress.position()) {
                        // Only a position beyond what this node has seen needs the stored head (and its lock).
                        long head = position <= ledger.knownHead().position() ? position : ledger.head().position();
                        if (position > head) {
                            problems.write(response, HttpStatus.BAD_REQUEST, "Invalid request", PARAMETER + " "
                                    + position + " is beyond the ledger's head (" + head + "): nothing was recorded there");
                            return false;
                        }
                        String client = ClientAddress.of(request.getRemoteAddr());
                        if (!waits.enter(client)) {
                            response.setHeader("Retry-After", "1");
                            problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "Too many waits",
                                    "too many requests are already waiting for the views to catch up (a client may hold "
                                            + waits.limits().waitsPerClient() + " such waits at once); retry after 1 s");
                            return false;
                        }
                        try {
                            progress.awaitPosition(position, waits.limits().maxWait());
                        } finally {
                            waits.leave(client);
                        }
                    }
                }
                response.setHeader(HEADER, Long.toString(progress.position()));
                return true;
            }
        }).addPathPatterns("/api/**");
    }
}
