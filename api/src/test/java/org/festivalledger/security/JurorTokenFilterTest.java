package org.festivalledger.security;

import org.festivalledger.identity.JurorIdentity;

import jakarta.servlet.FilterChain;
import org.festivalledger.http.ProblemWriter;
import org.festivalledger.http.ProjectionProgress;
import org.festivalledger.ledger.LedgerHead;
import org.festivalledger.ledger.LedgerLog;
import org.festivalledger.standings.JudgingBoard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;

import org.festivalledger.standings.JurorAccess;

import java.time.Clock;
import org.festivalledger.http.CatchUpWaits;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * A bearer token the board does not know waits for the board only while the board is behind the ledger (a juror
 * appointed a moment ago); when the board holds everything recorded, a forged token is refused at once.
 */
class JurorTokenFilterTest {

    private static final String TOKEN = "jt_some_token";

    private final JudgingBoard board = mock(JudgingBoard.class);
    private final ProjectionProgress progress = mock(ProjectionProgress.class);
    private final LedgerLog ledger = mock(LedgerLog.class);
    private final ProblemWriter problems = mock(ProblemWriter.class);
    private final FilterChain chain = mock(FilterChain.class);
    private final JurorTokenFilter filter = new JurorTokenFilter(
            new JurorSignIn(board, progress, ledger, Clock.systemUTC(),
                    new CatchUpWaits(new CatchUpWaits.Limits(2, 32, Duration.ofSeconds(5)))), problems);
    private static final JudgingBoard.Credential JUROR_7 = new JudgingBoard.Credential("festival", "juror-7",
            new JurorAccess(3, JurorTokens.hash(TOKEN), "link-hash", Instant.now().plusSeconds(60), false));

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aForgedTokenIsRefusedAtOnceWhenTheBoardHoldsTheWholeLedger() throws Exception {
        when(board.credential(anyString())).thenReturn(Optional.empty());
        when(ledger.head()).thenReturn(new LedgerHead(500, "h", Instant.EPOCH));
        when(progress.position(JudgingBoard.PROCESSING_GROUP)).thenReturn(500L);

        filter.doFilter(bearer(), new MockHttpServletResponse(), chain);

        verify(progress, never()).awaitPosition(anyString(), anyLong(), any(Duration.class));
        verify(problems).write(any(), eq(HttpStatus.UNAUTHORIZED), anyString(), anyString());
        verify(chain, never()).doFilter(any(), any());
    }

    @Test
    void aJustAppointedJurorsTokenWaitsForTheBoardToCatchUp() throws Exception {
        when(board.credential(JurorTokens.hash(TOKEN))).thenReturn(Optional.empty(), Optional.of(JUROR_7));
        when(ledger.head()).thenReturn(new LedgerHead(501, "h", Instant.EPOCH));
        when(progress.position(JudgingBoard.PROCESSING_GROUP)).thenReturn(500L);
        when(progress.awaitPosition(eq(JudgingBoard.PROCESSING_GROUP), eq(501L), any(Duration.class))).thenReturn(true);

        filter.doFilter(bearer(), new MockHttpServletResponse(), chain);

        verify(chain).doFilter(any(), any());
        verify(problems, never()).write(any(), any(), anyString(), anyString());
    }

    @Test
    void aTokenTheBoardStillAcceptsIsRefusedOnceTheLedgerHoldsALaterAccessVersion() throws Exception {
        // This node's board has not yet seen a revocation recorded on another node, and does not catch up in
        // time: the ledger's key for the next access version says enough.
        when(board.credential(JurorTokens.hash(TOKEN))).thenReturn(Optional.of(JUROR_7));
        when(ledger.hasUniqueKey("juror-access/festival/juror-7/4")).thenReturn(true);
        when(ledger.head()).thenReturn(new LedgerHead(501, "h", Instant.EPOCH));
        when(progress.position(JudgingBoard.PROCESSING_GROUP)).thenReturn(500L);
        when(progress.awaitPosition(eq(JudgingBoard.PROCESSING_GROUP), eq(501L), any(Duration.class))).thenReturn(false);

        filter.doFilter(bearer(), new MockHttpServletResponse(), chain);

        verify(problems).write(any(), eq(HttpStatus.UNAUTHORIZED), anyString(), anyString());
        verify(chain, never()).doFilter(any(), any());
    }

    @Test
    void aTokenSeenInAnOlderVersionWaitsForTheBoardBeforeItIsJudged() throws Exception {
        // The board has applied the appointment (version 0, the same token) but not yet the access it issued.
        JudgingBoard.Credential appointedOnly = new JudgingBoard.Credential("festival", "juror-7",
                new JurorAccess(0, JurorTokens.hash(TOKEN), null, null, false));
        JudgingBoard.Credential issued = new JudgingBoard.Credential("festival", "juror-7",
                new JurorAccess(1, JurorTokens.hash(TOKEN), "link-hash", Instant.now().plusSeconds(60), false));
        when(board.credential(JurorTokens.hash(TOKEN))).thenReturn(Optional.of(appointedOnly), Optional.of(issued));
        when(ledger.hasUniqueKey("juror-access/festival/juror-7/1")).thenReturn(true);
        when(ledger.head()).thenReturn(new LedgerHead(502, "h", Instant.EPOCH));
        when(progress.position(JudgingBoard.PROCESSING_GROUP)).thenReturn(501L);
        when(progress.awaitPosition(eq(JudgingBoard.PROCESSING_GROUP), eq(502L), any(Duration.class))).thenReturn(true);

        filter.doFilter(bearer(), new MockHttpServletResponse(), chain);

        verify(chain).doFilter(any(), any());
        verify(problems, never()).write(any(), any(), anyString(), anyString());
    }

    @Test
    void aCurrentTokenSignsTheJurorInWithItsAccessVersion() throws Exception {
        when(board.credential(JurorTokens.hash(TOKEN))).thenReturn(Optional.of(JUROR_7));
        when(ledger.hasUniqueKey("juror-access/festival/juror-7/4")).thenReturn(false);
        java.util.concurrent.atomic.AtomicReference<Object> signedIn = new java.util.concurrent.atomic.AtomicReference<>();
        FilterChain remember = (request, response) -> signedIn.set(SecurityContextHolder.getContext()
                .getAuthentication().getPrincipal());

        filter.doFilter(bearer(), new MockHttpServletResponse(), remember);

        assertThat(signedIn.get()).isEqualTo(new JurorIdentity("festival", "juror-7", 3));
        verify(problems, never()).write(any(), any(), anyString(), anyString());
    }

    private static MockHttpServletRequest bearer() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/competitions");
        request.addHeader("Authorization", "Bearer " + TOKEN);
        return request;
    }
}
