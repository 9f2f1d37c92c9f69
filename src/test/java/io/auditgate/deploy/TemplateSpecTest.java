package io.auditgate.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * cloudformation/auditgate.yaml against the CloudFormation resource specification (npm @aws-cdk/aws-service-spec,
 * version pinned in pom.xml): what CfnInclude lets through. Each broken copy of the template
 * (src/test/resources/deploy/template-mistakes.yaml) must be reported.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TemplateSpecTest {

    private ResourceSpec spec;
    private String yaml;

    @BeforeAll
    void loadSpecificationAndTemplate() throws IOException {
        spec = ResourceSpec.load();
        yaml = Files.readString(CfnTemplate.PATH);
    }

    @Test
    void specificationIsCurrentEnoughToKnowBedrock() {
        assertThat(spec.resource("AWS::Bedrock::Guardrail")).isPresent();
        assertThat(spec.resourceTypes()).isGreaterThan(1500);
    }

    @Test
    void templateUsesOnlyTypesPropertiesValuesAndAttributesOfTheSpecification() {
        List<Finding> findings = new TemplateSpecCheck(spec).check(CfnTemplate.parse(yaml));

        assertThat(findings).as("findings against @aws-cdk/aws-service-spec %s", spec.version()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void everyMistakeInABrokenCopyIsReportedWithItsPath(Mistake mistake) {
        CfnTemplate broken = CfnTemplate.parse(brokenCopy(mistake));

        assertThat(new TemplateSpecCheck(spec).check(broken)).map(Finding::toString).containsExactly(mistake.reported());
    }

    /** The template with the first occurrence of the mistake's original text replaced. */
    private String brokenCopy(Mistake mistake) {
        int at = yaml.indexOf(mistake.original());
        assertThat(at).as("template contains " + mistake.original()).isNotNegative();
        return yaml.substring(0, at) + mistake.broken() + yaml.substring(at + mistake.original().length());
    }

    static List<Mistake> mistakes() throws IOException {
        try (InputStream in = TemplateSpecTest.class.getResourceAsStream("/deploy/template-mistakes.yaml")) {
            return new ObjectMapper(new YAMLFactory()).readValue(in, new TypeReference<List<Mistake>>() { });
        }
    }

    record Mistake(String name, String original, String broken, String reported) {
        @Override
        public String toString() {
            return name;
        }
    }
}
