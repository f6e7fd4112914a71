package ru.voronka;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class VoronkaApplication {

  public static void main(String[] args) {
    SpringApplication.run(VoronkaApplication.class, args);
  }
}
