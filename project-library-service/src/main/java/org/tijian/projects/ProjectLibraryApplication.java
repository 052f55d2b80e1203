package org.tijian.projects;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Turns rectification suggestions into next year's project library (项目库). */
@SpringBootApplication
public class ProjectLibraryApplication {

    public static void main(String[] args) {
        SpringApplication.run(ProjectLibraryApplication.class, args);
    }
}
