package org.tijian.kit.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class TijianExceptionTest {

    @Test
    void messageIsChineseByDefaultAndEnglishOnRequest() {
        var error = new TijianException(CommonError.NOT_FOUND, "problem 42");

        assertThat(error.message(Locale.SIMPLIFIED_CHINESE)).isEqualTo("未找到：problem 42");
        assertThat(error.message(Locale.ENGLISH)).isEqualTo("Not found: problem 42");
        assertThat(error.getMessage()).isEqualTo("COMMON_E0404 Not found: problem 42");
    }

    @Test
    void argumentsAreShownVerbatimEvenWithQuotesAndBraces() {
        var error = new TijianException(CommonError.MALFORMED_REQUEST, "it's {odd}");

        assertThat(error.message(Locale.ENGLISH)).isEqualTo("Malformed request: it's {odd}");
    }

    @Test
    void problemTitleIsTheMessageWithoutItsDetail() {
        var problems = new ProblemResponses(tools.jackson.databind.json.JsonMapper.builder().build());

        var problem = problems.problem(CommonError.VALIDATION_FAILED, Locale.SIMPLIFIED_CHINESE, "value");

        assertThat(problem.getTitle()).isEqualTo("数据校验未通过");
        assertThat(problem.getDetail()).isEqualTo("数据校验未通过：value");
        assertThat(problem.getStatus()).isEqualTo(422);
        assertThat(problem.getProperties()).containsEntry("code", "COMMON_E0422");
        assertThat(problem.getType().toString()).isEqualTo("https://tijian.org/errors/COMMON_E0422");
    }

    @Test
    void aTitleNamesTheProblemWithoutPlaceholders() {
        var problems = new ProblemResponses(tools.jackson.databind.json.JsonMapper.builder().build());
        ErrorCode notFound = () -> ErrorCode.define("TEST_E0001", 404, "未找到区域 {0}", "Area {0} not found");

        assertThat(problems.problem(notFound, Locale.SIMPLIFIED_CHINESE, "3601").getTitle()).isEqualTo("未找到区域");
        assertThat(problems.problem(notFound, Locale.ENGLISH, "3601").getTitle()).isEqualTo("Area not found");
        assertThat(problems.problem(notFound, Locale.ENGLISH, "3601").getDetail()).isEqualTo("Area 3601 not found");
    }
}
