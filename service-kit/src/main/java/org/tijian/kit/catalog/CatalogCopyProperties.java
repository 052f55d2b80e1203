package org.tijian.kit.catalog;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The catalog copy: a service's own copy of the areas and indicators from the compacted catalog topics.
 *
 * @param enabled whether this service keeps the copy (its tables, its two consumers and its read API)
 * @param path where the read API answers, e.g. {@code /api/ledger/catalog}; inside the service's own prefix so
 *     the gateway routes it
 */
@ConfigurationProperties("tijian.catalog-copy")
public record CatalogCopyProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("/api/catalog") String path) {
}
