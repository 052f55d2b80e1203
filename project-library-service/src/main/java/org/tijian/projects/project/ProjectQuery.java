package org.tijian.projects.project;

/** A filter of the library; null fields do not filter. {@code areaCode} selects projects with an area in its subtree. */
public record ProjectQuery(String areaCode, Integer planYear, ProjectStatus status, ProjectType type, String department,
        int limit) {
}
