package org.tijian.projects.proposal;

import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class R2dbcProposalStore implements ProposalStore {

    private static final String SELECT = """
            select p.id, p.check_year, p.name, p.project_type, p.status, p.area_codes, p.construction_content,
                   p.proposed_at, array(select pp.problem_id from project_problem pp where pp.project_id = p.id) as problem_ids
            from project p""";

    private final DatabaseClient db;

    R2dbcProposalStore(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Boolean> insertIfProblemsFree(ProjectProposal p) {
        Mono<Long> linked = db.sql("select count(*) as linked from project_problem where problem_id = any(:problems)")
                .bind("problems", p.problemIds().toArray(UUID[]::new))
                .map(row -> row.get("linked", Long.class)).one();
        return linked.flatMap(count -> count > 0 ? Mono.just(false) : insert(p).thenReturn(true));
    }

    private Mono<Void> insert(ProjectProposal p) {
        Mono<Long> project = db.sql("""
                        insert into project (id, check_year, name, project_type, status, area_codes, construction_content,
                          proposed_at)
                        values (:id, :year, :name, :type, :status, :areas, :content, :proposedAt)""")
                .bind("id", p.id()).bind("year", p.checkYear()).bind("name", p.name())
                .bind("type", p.projectType().name()).bind("status", p.status().name())
                .bind("areas", p.areaCodes().toArray(String[]::new)).bind("content", p.constructionContent())
                .bind("proposedAt", p.proposedAt())
                .fetch().rowsUpdated();
        Flux<Long> links = Flux.fromIterable(p.problemIds()).concatMap(problem -> db.sql(
                        "insert into project_problem (project_id, problem_id) values (:project, :problem)")
                .bind("project", p.id()).bind("problem", problem).fetch().rowsUpdated());
        return project.thenMany(links).then();
    }

    @Override
    public Mono<ProjectProposal> findById(UUID id) {
        return db.sql(SELECT + " where p.id = :id").bind("id", id).map(R2dbcProposalStore::read).one();
    }

    @Override
    public Flux<ProjectProposal> findByYear(int checkYear, int limit) {
        return db.sql(SELECT + " where p.check_year = :year order by p.proposed_at, p.id limit :limit")
                .bind("year", checkYear).bind("limit", limit).map(R2dbcProposalStore::read).all();
    }

    private static ProjectProposal read(Readable row) {
        return new ProjectProposal(
                row.get("id", UUID.class),
                row.get("check_year", Integer.class),
                row.get("name", String.class),
                ProjectType.valueOf(row.get("project_type", String.class)),
                ProjectStatus.valueOf(row.get("status", String.class)),
                List.of(row.get("area_codes", String[].class)),
                row.get("construction_content", String.class),
                List.of(row.get("problem_ids", UUID[].class)),
                row.get("proposed_at", OffsetDateTime.class).toInstant());
    }
}
