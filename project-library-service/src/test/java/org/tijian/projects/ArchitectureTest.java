package org.tijian.projects;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.tijian.testing.ArchitectureRules;

class ArchitectureTest {

    @Test
    void domainCodeIsFreeOfFrameworkTypes() {
        ArchitectureRules.domainIsFrameworkFree().check(new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.tijian.projects"));
    }
}
