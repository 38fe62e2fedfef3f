package org.festivalledger.language;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Dates, times and numbers as a page writes them: in the page's language and the festival's time zone
 * ({@code ledger.programme.time-zone}). Templates call it as {@code ${@festivalTime.dateTime(instant)}}. The
 * patterns are our own, not {@code FormatStyle}: the JDK's localized styles change between releases (a narrow
 * no-break space in English times), which would make pages differ from machine to machine.
 */
@Component("festivalTime")
public class FestivalTime {

    private final ZoneId zone;

    FestivalTime(@Value("${ledger.programme.time-zone:Asia/Shanghai}") String zone) {
        this.zone = ZoneId.of(zone);
    }

    public ZoneId zone() {
        return zone;
    }

    /** e.g. "2026年5月1日 14:30" or "1 May 2026, 14:30"; empty for no instant. */
    public String dateTime(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofPattern(pattern("dateTime"), locale()).format(instant.atZone(zone));
    }

    /** The festival day of an instant: "2026年5月1日 星期五" or "Friday 1 May 2026". */
    public String date(Instant instant) {
        return instant == null ? "" : day(instant.atZone(zone).toLocalDate());
    }

    /** A festival day. */
    public String day(LocalDate day) {
        return day == null ? "" : DateTimeFormatter.ofPattern(pattern("day"), locale()).format(day);
    }

    /** The time of day in the festival's zone, 24-hour: "14:30". */
    public String time(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofPattern("HH:mm", locale()).format(instant.atZone(zone));
    }

    /** The value of an {@code <input type="datetime-local">} for an instant, in the festival's zone. */
    public String inputValue(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").format(instant.atZone(zone));
    }

    /** A number with the language's grouping ("1,290"), up to three decimals. */
    public String number(Number number) {
        if (number == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale());
        format.setMaximumFractionDigits(3);
        return format.format(number);
    }

    /** The zone's generic name as the page's language says it, e.g. "中国时间" or "China Time". */
    public String zoneName() {
        return zone.getDisplayName(java.time.format.TextStyle.FULL, locale());
    }

    private static java.util.Locale locale() {
        return LocaleContextHolder.getLocale();
    }

    private static String pattern(String kind) {
        boolean chinese = PageLanguage.of(locale()) == PageLanguage.CHINESE;
        return switch (kind) {
            case "dateTime" -> chinese ? "yyyy年M月d日 HH:mm" : "d MMM yyyy, HH:mm";
            case "day" -> chinese ? "yyyy年M月d日 EEEE" : "EEEE d MMMM yyyy";
            default -> throw new IllegalArgumentException(kind);
        };
    }
}
