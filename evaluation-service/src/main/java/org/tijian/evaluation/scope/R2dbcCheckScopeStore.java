package org.tijian.evaluation.scope;

import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.tijian.contracts.AreaLevel;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Check scopes in PostgreSQL. The tree is read only for the listed codes (walking up to their city)
 * and, for the built-up count, down from the city to its streets; communities are counted, not read.
 */
@Repository
class R2dbcCheckScopeStore implements CheckScopeStore {

    /** A current scope with its entries in submitted order. */
    private static final String SCOPES = """
            select s.city_code, s.check_year, s.version, s.note_zh, s.updated_by, s.updated_at,
              coalesce(array_agg(a.area_code order by a.position) filter (where a.role = 'COMMUNITY'), '{}') as communities,
              coalesce(array_agg(a.area_code order by a.position) filter (where a.role = 'BLOCK'), '{}') as blocks
            from check_scope s
            left join check_scope_area a on a.city_code = s.city_code and a.check_year = s.check_year
            """;
    private static final String GROUPED = """
            group by s.city_code, s.check_year, s.version, s.note_zh, s.updated_by, s.updated_at
            """;

    private final DatabaseClient db;
    private final TransactionalOperator transaction;

    R2dbcCheckScopeStore(DatabaseClient db, TransactionalOperator transaction) {
        this.db = db;
        this.transaction = transaction;
    }

    @Override
    public Flux<ScopeArea> resolve(Collection<String> codes) {
        String[] listed = codes.stream().filter(Objects::nonNull).distinct().toArray(String[]::new);
        if (listed.length == 0) {
            return Flux.empty();
        }
        return db.sql("""
                        with recursive listed as (select distinct code from unnest(cast(:codes as text[])) as t(code)),
                        up (code, name_zh, own_level, ancestor, parent_code, level, depth) as (
                          select a.code, a.name_zh, a.level, a.code, a.parent_code, a.level, 0
                          from area a join listed l on l.code = a.code
                          union all
                          select u.code, u.name_zh, u.own_level, p.code, p.parent_code, p.level, u.depth + 1
                          from up u join area p on p.code = u.parent_code
                          where u.depth < 16)
                        select code, name_zh, own_level as level,
                          max(ancestor) filter (where level = 'CITY') as city_code,
                          max(ancestor) filter (where level = 'STREET') as street_code
                        from up
                        group by code, name_zh, own_level""")
                .bind("codes", listed)
                .map(row -> new ScopeArea(row.get("code", String.class), row.get("name_zh", String.class),
                        AreaLevel.valueOf(row.get("level", String.class)), row.get("city_code", String.class),
                        row.get("street_code", String.class)))
                .all();
    }

    @Override
    public Mono<Long> countCommunitiesUnderStreets(String cityCode, String streetSuffix) {
        return db.sql("""
                        with recursive down (code, depth) as (
                          select code, 0 from area where code = :city
                          union all
                          select a.code, d.depth + 1 from down d join area a on a.parent_code = d.code
                          where a.level_rank <= :streetRank and d.depth < 16)
                        select count(*) as communities
                        from down d
                        join area street on street.code = d.code and street.level = 'STREET'
                          and right(rtrim(street.name_zh), char_length(:suffix)) = :suffix
                        join area c on c.parent_code = street.code and c.level = 'COMMUNITY'""")
                .bind("city", cityCode).bind("streetRank", AreaLevel.STREET.ordinal()).bind("suffix", streetSuffix)
                .map(row -> row.get("communities", Long.class)).one();
    }

    @Override
    public Mono<CheckScope> save(CheckScope draft) {
        Mono<Void> current = db.sql("""
                        insert into check_scope (city_code, check_year, version, note_zh, updated_by, updated_at)
                        values (:city, :year, 1, :note, :by, now())
                        on conflict (city_code, check_year) do update set version = check_scope.version + 1,
                          note_zh = excluded.note_zh, updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
                .bind("city", draft.cityCode()).bind("year", draft.year())
                .bind("note", Parameter.fromOrEmpty(draft.noteZh(), String.class)).bind("by", draft.updatedBy())
                .then();
        Mono<Void> clear = db.sql("delete from check_scope_area where city_code = :city and check_year = :year")
                .bind("city", draft.cityCode()).bind("year", draft.year())
                .then();
        Mono<Void> entries = db.sql("""
                        insert into check_scope_area (city_code, check_year, role, position, area_code)
                        select :city, :year, 'COMMUNITY', t.ord - 1, t.code
                        from unnest(cast(:communities as text[])) with ordinality as t(code, ord)
                        union all
                        select :city, :year, 'BLOCK', t.ord - 1, t.code
                        from unnest(cast(:blocks as text[])) with ordinality as t(code, ord)""")
                .bind("city", draft.cityCode()).bind("year", draft.year())
                .bind("communities", draft.communities().toArray(String[]::new))
                .bind("blocks", draft.blocks().toArray(String[]::new))
                .then();
        Mono<Void> history = db.sql("""
                        insert into check_scope_history (city_code, check_year, version, note_zh, communities, blocks,
                          updated_by, updated_at)
                        select s.city_code, s.check_year, s.version, s.note_zh, s.communities, s.blocks, s.updated_by,
                          s.updated_at
                        from (""" + SCOPES + " where s.city_code = :city and s.check_year = :year " + GROUPED + ") s")
                .bind("city", draft.cityCode()).bind("year", draft.year())
                .then();
        return transaction.transactional(current.then(clear).then(entries).then(history)
                .then(find(draft.cityCode(), draft.year())));
    }

    @Override
    public Mono<CheckScope> find(String cityCode, int year) {
        return db.sql(SCOPES + " where s.city_code = :city and s.check_year = :year " + GROUPED)
                .bind("city", cityCode).bind("year", year)
                .map(R2dbcCheckScopeStore::read).one();
    }

    @Override
    public Flux<CheckScope> findByYear(int year) {
        return db.sql(SCOPES + " where s.check_year = :year " + GROUPED + " order by s.city_code")
                .bind("year", year)
                .map(R2dbcCheckScopeStore::read).all();
    }

    @Override
    public Flux<CheckScope> history(String cityCode, int year) {
        return db.sql("""
                        select city_code, check_year, version, note_zh, updated_by, updated_at, communities, blocks
                        from check_scope_history where city_code = :city and check_year = :year
                        order by version desc""")
                .bind("city", cityCode).bind("year", year)
                .map(R2dbcCheckScopeStore::read).all();
    }

    private static CheckScope read(Readable row) {
        return new CheckScope(row.get("city_code", String.class), row.get("check_year", Integer.class),
                List.of(row.get("communities", String[].class)), List.of(row.get("blocks", String[].class)),
                row.get("note_zh", String.class), row.get("version", Integer.class), row.get("updated_by", String.class),
                row.get("updated_at", OffsetDateTime.class).toInstant());
    }
}
