package org.festivalledger.language;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Dates, times and numbers as the pages write them, in each language and in the festival's zone (Beijing). */
class FestivalTimeTest {

    /** 2027-04-17 06:30 UTC is 14:30 in Beijing, a Saturday. */
    private static final Instant SCREENING = Instant.parse("2027-04-17T06:30:00Z");
    /** 2027-04-17 18:00 UTC is already the next festival day in Beijing. */
    private static final Instant LATE = Instant.parse("2027-04-17T18:00:00Z");

    private final FestivalTime time = new FestivalTime("Asia/Shanghai");

    @AfterEach
    void forgetLanguage() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void englishPagesWriteTheFestivalsOwnTime() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(time.dateTime(SCREENING)).isEqualTo("17 Apr 2027, 14:30");
        assertThat(time.date(SCREENING)).isEqualTo("Saturday 17 April 2027");
        assertThat(time.date(LATE)).as("a day in Beijing, not in UTC").isEqualTo("Sunday 18 April 2027");
        assertThat(time.day(LocalDate.of(2027, 4, 20))).isEqualTo("Tuesday 20 April 2027");
        assertThat(time.time(SCREENING)).isEqualTo("14:30");
        assertThat(time.number(1290.5)).isEqualTo("1,290.5");
        assertThat(time.zoneName()).isEqualTo("China Time");
    }

    @Test
    void chinesePagesWriteItTheChineseWay() {
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(time.dateTime(SCREENING)).isEqualTo("2027年4月17日 14:30");
        assertThat(time.date(SCREENING)).isEqualTo("2027年4月17日 星期六");
        assertThat(time.date(LATE)).isEqualTo("2027年4月18日 星期日");
        assertThat(time.time(SCREENING)).isEqualTo("14:30");
        assertThat(time.number(1290.5)).isEqualTo("1,290.5");
        assertThat(time.zoneName()).isEqualTo("中国时间");
    }

    @Test
    void theFormsValueIsTheSameInEveryLanguage() {
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        String chinese = time.inputValue(SCREENING);
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(time.inputValue(SCREENING)).isEqualTo(chinese).isEqualTo("2027-04-17T14:30");
        assertThat(time.dateTime(null)).isEmpty();
    }
}
