package org.tijian.projects.project;

/**
 * A filter of the library; null fields do not filter. {@code areaCode} selects projects with an area in its subtree.
 *
 * @param offset how many projects of the order to skip (a page of the console is {@code limit} projects from here)
 */
public record ProjectQuery(String areaCode, Integer planYear, ProjectStatus status, ProjectType type, String department,
        int limit, long offset) {

    /** From the first project on. */
    public ProjectQuery(String areaCode, Integer planYear, ProjectStatus status, ProjectType type, String department,
            int limit) {
        this(areaCode, planYear, status, type, department, limit, 0);
    }
}
