package dev.sumlog;

import dev.sumlog.cli.SumlogCommand;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Entry point. The command line is parsed by picocli before any Spring context exists, so
 * {@code --help} and usage errors are instant; commands that need the catalog start the context.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SumlogApplication {

    public static void main(String[] args) {
        System.exit(SumlogCommand.run(args));
    }
}
