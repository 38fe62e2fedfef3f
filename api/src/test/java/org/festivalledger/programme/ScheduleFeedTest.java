package org.festivalledger.programme;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.festivalledger.Api.Reply;
import org.festivalledger.Judging;
import org.festivalledger.LedgerTestApplication;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.festivalledger.Api.ORGANISER;
import static org.festivalledger.programme.ProgrammeApiTest.screening;

/**
 * The public schedule.ics, read back with iCal4j as a calendar app would: valid RFC 5545, public items only, and
 * the same UID for an item before and after it is moved, so subscribers update it rather than add a second one.
 */
class ScheduleFeedTest extends LedgerTestApplication {

    private Calendar feed(String competition, long position) throws Exception {
        // The feed has no minPosition wait of its own to rely on here: wait through the JSON schedule first.
        api.get("/api/public/competitions/" + competition + "/schedule?minPosition=" + position).send();
        Reply reply = api.get("/api/public/competitions/" + competition + "/schedule.ics").send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).isEqualToIgnoringCase("text/calendar;charset=utf-8");
        assertThat(reply.body()).contains("\r\n");
        Calendar calendar = new CalendarBuilder().build(new StringReader(reply.body()));
        assertThat(calendar.validate().getEntries()).as("RFC 5545 validation").isEmpty();
        return calendar;
    }

    private static VEvent only(Calendar calendar) {
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    private static String value(VEvent event, String property) {
        return event.getProperty(property).map(Property::getValue).orElse(null);
    }

    @Test
    void aRescheduledScreeningKeepsItsUidAndACancelledOneIsMarkedCancelled() throws Exception {
        Judging festival = Judging.with(api, "ics-" + UUID.randomUUID().toString().substring(0, 8), 2, 0);
        String base = "/api/competitions/" + festival.competition;
        api.post(base + "/venues").as(ORGANISER)
                .json(Map.of("id", "hall", "name", "Cinema Hall 1", "capacity", 300, "changeoverMinutes", 15)).send();
        api.post(base + "/screenings").as(ORGANISER).json(screening("press", "hall", "2027-04-17T01:00:00Z", false,
                festival.entries.get(1))).send();
        Reply scheduled = api.post(base + "/screenings").as(ORGANISER)
                .json(screening("s1", "hall", "2027-04-17T06:00:00Z", true, festival.entries.get(0))).send();
        assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(201);

        VEvent before = only(feed(festival.competition, scheduled.ledgerPosition()));
        String uid = value(before, "UID");
        assertThat(uid).isEqualTo("s1@" + festival.competition + ".festival-ledger");
        assertThat(value(before, "SEQUENCE")).isEqualTo("0");
        assertThat(value(before, "STATUS")).isEqualTo("CONFIRMED");
        assertThat(value(before, "LOCATION")).isEqualTo("Cinema Hall 1");
        assertThat(Instant.from(before.getStartDate().orElseThrow().getDate()))
                .isEqualTo(Instant.parse("2027-04-17T06:00:00Z"));

        Reply moved = api.post(base + "/screenings/s1/reschedule").as(ORGANISER)
                .json(Map.of("startsAt", "2027-04-18T06:00:00Z", "reason", "the hall floods")).send();
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        VEvent after = only(feed(festival.competition, moved.ledgerPosition()));
        assertThat(value(after, "UID")).isEqualTo(uid);
        assertThat(value(after, "SEQUENCE")).isEqualTo("1");
        assertThat(Instant.from(after.getStartDate().orElseThrow().getDate()))
                .isEqualTo(Instant.parse("2027-04-18T06:00:00Z"));
        assertThat(Instant.from(after.getEndDate().orElseThrow().getDate()))
                .isEqualTo(Instant.parse("2027-04-18T06:25:00Z"));

        Reply cancelled = api.post(base + "/screenings/s1/cancellation").as(ORGANISER)
                .json(Map.of("reason", "no projectionist")).send();
        VEvent gone = only(feed(festival.competition, cancelled.ledgerPosition()));
        assertThat(value(gone, "UID")).isEqualTo(uid);
        assertThat(value(gone, "STATUS")).isEqualTo("CANCELLED");
        assertThat(value(gone, "SEQUENCE")).isEqualTo("2");
    }
}
