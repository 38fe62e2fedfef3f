package org.festivalledger.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How failed password sign-ins are held back ({@code ledger.security.sign-in.*}). After {@code freeFailuresPerAccount}
 * wrong passwords for one account, or {@code freeFailuresPerAddress} from one client (any accounts), every further
 * failure locks that account or client out for {@code firstDelay}, doubled at each failure up to {@code maxDelay}.
 *
 * @param freeFailuresPerAccount failures an account may see before it is locked out for a while
 * @param freeFailuresPerAddress failures one client address (an IPv6 /64) may make before it is locked out
 * @param firstDelay             the first lock-out
 * @param maxDelay               the longest lock-out; also how long a quiet client's failures are remembered
 */
@ConfigurationProperties("ledger.security.sign-in")
public record SignInLimits(@DefaultValue("5") int freeFailuresPerAccount, @DefaultValue("20") int freeFailuresPerAddress,
                           @DefaultValue("1s") Duration firstDelay, @DefaultValue("15m") Duration maxDelay) {

    public SignInLimits {
        if (freeFailuresPerAccount < 0 || freeFailuresPerAddress < 0 || firstDelay.isNegative() || firstDelay.isZero()
                || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("ledger.security.sign-in: failures 0 or more, 0 < first-delay <= max-delay");
        }
    }
}
