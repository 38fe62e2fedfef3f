package org.festivalledger.language;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The pages' message bundles and the visitor's language. Every {@code i18n/pages/<area>.properties} is a bundle
 * (with its {@code _zh_CN} twin), found on the class path, so a new area of pages adds its file and nothing else.
 */
@Configuration
class PageLanguageConfiguration implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new PageFrame());
    }

    /** Where the page bundles live; {@link #bundles()} lists them. */
    static final String BUNDLES = "classpath*:i18n/pages/*.properties";

    /**
     * The messages of every page. A key missing from a bundle is an error on the page, never the key shown as
     * text: a test reads every bundle pair and asks for the same keys in both.
     */
    @Bean
    MessageSource messageSource() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames(bundles().toArray(String[]::new));
        source.setDefaultEncoding(StandardCharsets.UTF_8.name());
        source.setFallbackToSystemLocale(false);
        // Every message goes through MessageFormat, with or without arguments, so an apostrophe is always
        // written '' in the bundles (BundlesTest checks) rather than sometimes ' and sometimes ''.
        source.setAlwaysUseMessageFormat(true);
        // English is the base bundle ("area.properties"); the Chinese one is "area_zh_CN.properties".
        source.setDefaultLocale(PageLanguage.ENGLISH.locale());
        return source;
    }

    /** Spring finds the resolver by this bean name; the switcher and every page use it. */
    @Bean
    LocaleResolver localeResolver() {
        return new ChosenLanguage();
    }

    /** The base names ({@code i18n/pages/organiser}…) of the bundles found on the class path. */
    static List<String> bundles() {
        try {
            Resource[] found = new PathMatchingResourcePatternResolver().getResources(BUNDLES);
            return Arrays.stream(found).map(Resource::getFilename).filter(Objects::nonNull)
                    .filter(name -> !name.contains("_"))
                    .map(name -> "i18n/pages/" + name.substring(0, name.length() - ".properties".length()))
                    .distinct().sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("the page bundles could not be listed", e);
        }
    }
}
