-- "Projects with an area in this subtree" was a scan of every project of the year (exists ... like 'code%').
-- Every prefix of every area code of a project, so the subtree filter is one lookup in a GIN index:
-- project_area_prefixes(area_codes) @> array['3601'].
create function project_area_prefixes(codes text[]) returns text[]
    language sql immutable parallel safe
    as $$ select coalesce(array_agg(distinct left(code, n)), '{}')
          from unnest(codes) code, generate_series(1, length(code)) n $$;

create index project_area_subtree on project using gin (project_area_prefixes(area_codes));
