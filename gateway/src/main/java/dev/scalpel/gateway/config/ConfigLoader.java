package dev.scalpel.gateway.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.scalpel.guard.pii.PiiRedactor;
import dev.scalpel.guard.pii.PiiType;
import dev.scalpel.knowledge.KnowledgeBase;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Reads {@code scalpel.yaml} into an immutable {@link GatewayConfig}, checking everything that can
 * be checked without loading models: unknown keys, types, ranges, files, references between
 * sections, environment variables.
 */
public final class ConfigLoader {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final UnaryOperator<String> environment;

  private ConfigLoader(UnaryOperator<String> environment) {
    this.environment = environment;
  }

  /** A loader that reads API keys named by {@code key_env} from the process environment. */
  public static ConfigLoader create() {
    return new ConfigLoader(System::getenv);
  }

  /** A loader with another environment, for tests. */
  public static ConfigLoader withEnvironment(UnaryOperator<String> environment) {
    return new ConfigLoader(environment);
  }

  public GatewayConfig load(Path file) {
    JsonNode tree;
    try {
      tree = YAML.readTree(Files.readString(file));
    } catch (NoSuchFileException e) {
      throw new ConfigException(file, "", "file not found");
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new ConfigException(
          file, "", "line " + line + ": invalid YAML: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new ConfigException(file, "", "cannot read: " + e.getMessage());
    }
    ConfigNode root =
        new ConfigNode(file, "", tree)
            .onlyKeys(
                Set.of(
                    "server",
                    "storage",
                    "keys",
                    "aliases",
                    "specialists",
                    "routing",
                    "upstreams",
                    "guard",
                    "knowledge",
                    "cache"));
    ServerConfig server = server(root.get("server"));
    ConfigNode storage =
        root.get("storage").onlyKeys(Set.of("data_dir", "durable_sync", "retention"));
    Path dataDir =
        storage.get("data_dir").resolvePath(storage.get("data_dir").string("scalpel-data"));
    List<TierConfig> tiers = tiers(root.get("upstreams"));
    List<SpecialistConfig> specialists = specialists(root.get("specialists"), dataDir);
    ConfigNode upstreams = root.get("upstreams");
    Set<String> tierNames = new HashSet<>();
    tiers.forEach(t -> tierNames.add(t.name()));
    String defaultTier =
        upstreams.get("default").string(tiers.isEmpty() ? "" : tiers.getFirst().name());
    if (!defaultTier.isEmpty() && !tierNames.contains(defaultTier)) {
      throw upstreams
          .get("default")
          .error("no tier named '" + defaultTier + "' (tiers: " + tierNames + ")");
    }
    List<String> fallback = new ArrayList<>();
    for (ConfigNode n : upstreams.get("fallback").list()) {
      String name = n.requiredString();
      if (!tierNames.contains(name)) {
        throw n.error("no tier named '" + name + "' (tiers: " + tierNames + ")");
      }
      fallback.add(name);
    }
    if (fallback.isEmpty()) {
      tiers.forEach(t -> fallback.add(t.name()));
    }
    List<KnowledgeConfig> knowledge = knowledge(root.get("knowledge"), dataDir);
    Set<String> kbNames = new LinkedHashSet<>();
    knowledge.forEach(k -> kbNames.add(k.name()));
    List<String> aliases = new ArrayList<>();
    for (ConfigNode n : root.get("aliases").list()) {
      aliases.add(n.requiredString());
    }
    if (aliases.isEmpty()) {
      aliases.add("scalpel");
    }
    return new GatewayConfig(
        file,
        server,
        dataDir,
        storage.get("durable_sync").bool(false),
        retention(storage.get("retention")),
        keys(root.get("keys")),
        aliases,
        specialists,
        new RoutingReader(specialistNames(specialists), tierNames, kbNames)
            .read(root.get("routing"), specialists.isEmpty() ? "" : specialists.getFirst().name()),
        tiers,
        defaultTier,
        fallback,
        guard(root.get("guard")),
        knowledge,
        cache(root.get("cache")));
  }

  private static CacheConfig cache(ConfigNode node) {
    node.onlyKeys(Set.of("enabled", "ttl", "max_entries", "any_temperature"));
    CacheConfig d = CacheConfig.defaults();
    return new CacheConfig(
        node.get("enabled").bool(d.enabled()),
        node.get("ttl").duration(d.ttl()),
        node.get("max_entries").integer(d.maxEntries(), 1, 10_000_000),
        node.get("any_temperature").bool(d.anyTemperature()));
  }

  private static List<KnowledgeConfig> knowledge(ConfigNode node, Path dataDir) {
    List<KnowledgeConfig> bases = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (ConfigNode item : node.list()) {
      item.onlyKeys(Set.of("name", "dir", "min_similarity"));
      String name = item.get("name").requiredString();
      if (!names.add(name)) {
        throw item.get("name").error("duplicate knowledge base name '" + name + "'");
      }
      Path dir;
      if (item.get("dir").isMissing()) {
        try {
          dir = KnowledgeBase.directory(dataDir, name);
        } catch (IllegalArgumentException e) {
          throw item.get("name").error(e.getMessage());
        }
      } else {
        dir = item.get("dir").resolvePath(item.get("dir").requiredString());
      }
      if (!KnowledgeBase.exists(dir)) {
        throw item.error(
            "no knowledge-base index in "
                + dir
                + " (build it with: scalpel kb index FOLDER --name "
                + name
                + " --data-dir "
                + dataDir
                + ")");
      }
      bases.add(new KnowledgeConfig(name, dir, item.get("min_similarity").decimal(0.7, -1, 1)));
    }
    return bases;
  }

  /** How long request text is kept: a duration such as 30d, or {@code forever} (zero). */
  private static Duration retention(ConfigNode node) {
    return "forever".equals(node.string("")) ? Duration.ZERO : node.duration(Duration.ofDays(30));
  }

  private static GuardConfig guard(ConfigNode node) {
    node.onlyKeys(Set.of("pii", "store_raw"));
    ConfigNode pii = node.get("pii").onlyKeys(Set.of("types", "phone_regions", "restore"));
    GuardConfig d = GuardConfig.defaults();
    Set<PiiType> types = pii.get("types").isMissing() ? d.piiTypes() : piiTypes(pii.get("types"));
    List<String> regions = new ArrayList<>();
    for (ConfigNode region : pii.get("phone_regions").list()) {
      String code = region.requiredString().toUpperCase(Locale.ROOT);
      try {
        PiiRedactor.create(Set.of(PiiType.PHONE), List.of(code));
      } catch (IllegalArgumentException e) {
        throw region.error(
            "expected a two-letter region code such as US or DE, found \"" + code + "\"");
      }
      regions.add(code);
    }
    return new GuardConfig(
        types,
        regions.isEmpty() ? d.phoneRegions() : regions,
        pii.get("restore").bool(d.restore()),
        node.get("store_raw").bool(d.storeRaw()));
  }

  private static Set<PiiType> piiTypes(ConfigNode node) {
    Set<PiiType> types = EnumSet.noneOf(PiiType.class);
    for (ConfigNode item : node.list()) {
      try {
        types.add(PiiType.fromWireName(item.requiredString()));
      } catch (IllegalArgumentException e) {
        throw item.error(e.getMessage());
      }
    }
    return types;
  }

  private static ServerConfig server(ConfigNode node) {
    node.onlyKeys(
        Set.of(
            "host",
            "port",
            "request_deadline",
            "max_body_bytes",
            "max_messages",
            "max_prompt_tokens"));
    return new ServerConfig(
        node.get("host").string("127.0.0.1"),
        node.get("port").integer(ServerConfig.DEFAULT_PORT, 0, 65535),
        node.get("request_deadline").duration(Duration.ofSeconds(60)),
        node.get("max_body_bytes").integer(1 << 20, 1024, 64 << 20),
        node.get("max_messages").integer(256, 1, 10_000),
        node.get("max_prompt_tokens").integer(128_000, 16, 2_000_000));
  }

  private List<GatewayConfig.ApiKey> keys(ConfigNode node) {
    List<GatewayConfig.ApiKey> keys = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (ConfigNode item : node.list()) {
      item.onlyKeys(Set.of("name", "key", "key_env"));
      String name = item.get("name").requiredString();
      if (!names.add(name)) {
        throw item.get("name").error("duplicate key name '" + name + "'");
      }
      String secret = item.get("key").string("");
      String env = item.get("key_env").string("");
      if (secret.isEmpty() == env.isEmpty()) {
        throw item.error("expected exactly one of key or key_env");
      }
      if (!env.isEmpty()) {
        secret = environment.apply(env);
        if (secret == null || secret.isBlank()) {
          throw item.get("key_env").error("environment variable " + env + " is not set");
        }
      }
      keys.add(new GatewayConfig.ApiKey(name, secret));
    }
    return keys;
  }

  private static List<SpecialistConfig> specialists(ConfigNode node, Path dataDir) {
    List<SpecialistConfig> specialists = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (ConfigNode item : node.list()) {
      item.onlyKeys(Set.of("name", "model", "registry", "target_precision"));
      String name = item.get("name").requiredString();
      if (!names.add(name)) {
        throw item.get("name").error("duplicate specialist name '" + name + "'");
      }
      ConfigNode precision = item.get("target_precision");
      Double target = precision.isMissing() ? null : precision.decimal(0.99, 0.5, 1.0);
      if (!item.get("registry").isMissing()) {
        if (!item.get("model").isMissing()) {
          throw item.error("expected one of model or registry, found both");
        }
        specialists.add(
            new SpecialistConfig(
                name, dataDir.resolve("registry"), item.get("registry").requiredString(), target));
        continue;
      }
      Path model = item.get("model").resolvePath(item.get("model").requiredString());
      if (!Files.isRegularFile(model)) {
        throw item.get("model")
            .error(
                "file not found: " + model + " (expected a model file written by 'scalpel train')");
      }
      specialists.add(new SpecialistConfig(name, model, target));
    }
    return specialists;
  }

  private static Set<String> specialistNames(List<SpecialistConfig> specialists) {
    Set<String> names = new LinkedHashSet<>();
    specialists.forEach(s -> names.add(s.name()));
    return names;
  }

  private List<TierConfig> tiers(ConfigNode upstreams) {
    upstreams.onlyKeys(Set.of("default", "fallback", "tiers"));
    List<TierConfig> tiers = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (ConfigNode item : upstreams.get("tiers").list()) {
      item.onlyKeys(
          Set.of(
              "name",
              "base_url",
              "model",
              "api_key_env",
              "input_usd_per_million",
              "output_usd_per_million",
              "timeout",
              "max_retries",
              "pii",
              "refuse_pii"));
      String name = item.get("name").requiredString();
      if (!names.add(name)) {
        throw item.get("name").error("duplicate tier name '" + name + "'");
      }
      String keyEnv = item.get("api_key_env").string("");
      if (!keyEnv.isEmpty()) {
        String key = environment.apply(keyEnv);
        if (key == null || key.isBlank()) {
          throw item.get("api_key_env")
              .error(
                  "environment variable "
                      + keyEnv
                      + " is not set (it holds the API key of tier '"
                      + name
                      + "'; set it, or remove api_key_env for an upstream that needs no key)");
        }
      }
      tiers.add(
          new TierConfig(
              name,
              url(item.get("base_url")),
              item.get("model").requiredString(),
              item.get("api_key_env").string(""),
              item.get("input_usd_per_million").decimal(0, 0, 10_000),
              item.get("output_usd_per_million").decimal(0, 0, 10_000),
              item.get("timeout").duration(Duration.ofSeconds(60)),
              item.get("max_retries").integer(2, 0, 10),
              piiPolicy(item.get("pii")),
              piiTypes(item.get("refuse_pii"))));
    }
    return tiers;
  }

  private static PiiPolicy piiPolicy(ConfigNode node) {
    String value = node.string("redact");
    return switch (value) {
      case "redact" -> PiiPolicy.REDACT;
      case "raw" -> PiiPolicy.RAW;
      default -> throw node.error("expected redact or raw, found \"" + value + "\"");
    };
  }

  private static URI url(ConfigNode node) {
    String value = node.requiredString();
    try {
      URI uri = new URI(value);
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          || uri.getHost() == null) {
        throw node.error(
            "expected an http(s) URL such as http://127.0.0.1:8089/v1, found \"" + value + "\"");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw node.error("expected an http(s) URL, found \"" + value + "\"");
    }
  }
}
