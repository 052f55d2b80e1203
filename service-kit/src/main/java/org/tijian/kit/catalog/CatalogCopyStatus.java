package org.tijian.kit.catalog;

import java.time.Instant;
import org.tijian.contracts.MayBeNull;

/**
 * How much of the catalog a copy holds, with order-independent digests that the owner of the catalog can compute
 * on its own tables ({@link CatalogDigest}) to tell whether the copy has caught up.
 *
 * @param lastUpdatedAt when a row of the copy last changed; null while the copy is empty
 */
public record CatalogCopyStatus(TableDigest areas, TableDigest indicators, @MayBeNull Instant lastUpdatedAt) {

    /** @param digest a decimal number; {@code 0} for an empty table */
    public record TableDigest(long count, String digest) {
    }
}
