package dev.sumlog;

import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class SumlogApplication {
    public static void main(String[] args) {
    }
}
