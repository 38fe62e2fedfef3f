package org.festivalledger.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.ConstructorArgumentValues.ValueHolder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;

import java.util.List;

/**
 * Takes away the filter Spring Security puts in front of its filter chain to ask Spring MVC, before every request,
 * which handler the request goes to ({@code HandlerMappingIntrospector}'s cache). The answer serves
 * {@code MvcRequestMatcher} and CORS; this application uses neither (its matchers are path patterns, and it grants no
 * CORS), so the lookup repeated the dispatcher's own for nothing: about 4 % of a score's CPU in a flight recording of
 * the scoring load (docs/benchmarks.md). Spring Security has no setting for it.
 * <p>
 * The wrapping is done by a bean-definition registry post-processor; every one of those runs before any plain
 * {@link BeanFactoryPostProcessor}, so this sees the wrapped definition and registers the chain's own definition
 * again, as it was before. A definition it does not recognise (another Spring Security version) is left as it is,
 * with a warning when it is the wrapper with other contents: the application then works as before, only with the
 * extra lookup ({@code WithoutHandlerLookupCacheTest} fails then, to say so).
 */
final class WithoutHandlerLookupCache implements BeanFactoryPostProcessor {

    static final String CHAIN = "springSecurityFilterChain";
    private static final Logger log = LoggerFactory.getLogger(WithoutHandlerLookupCache.class);

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory factory) {
        if (!(factory instanceof BeanDefinitionRegistry registry) || !registry.containsBeanDefinition(CHAIN)) {
            return;
        }
        BeanDefinition wrapped = registry.getBeanDefinition(CHAIN);
        if (!String.valueOf(wrapped.getBeanClassName()).endsWith("$CompositeFilterChainProxy")) {
            return; // not wrapped
        }
        ValueHolder filters = wrapped.getConstructorArgumentValues().getIndexedArgumentValue(0, null);
        if (filters != null && filters.getValue() instanceof List<?> list && list.size() == 2
                && list.get(0) instanceof BeanDefinition cache
                && String.valueOf(cache.getBeanClassName()).endsWith("$HandlerMappingIntrospectorCacheFilterFactoryBean")
                && list.get(1) instanceof BeanDefinition chain) {
            registry.removeBeanDefinition(CHAIN);
            registry.registerBeanDefinition(CHAIN, chain);
        } else {
            log.warn("Spring Security's filter chain is wrapped in a way this version does not know; the handler"
                    + " lookup before each request stays");
        }
    }
}
