package portal.search;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.logging.log4j.LogManager;
import org.opensearch.Version;
import org.opensearch.action.admin.cluster.health.ClusterHealthResponse;
import org.opensearch.common.logging.LogConfigurator;
import org.opensearch.common.settings.Settings;
import org.opensearch.common.unit.TimeValue;
import org.opensearch.env.Environment;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.plugins.PluginInfo;

/**
 * Starts one OpenSearch node in this JVM from the jars on the class path.
 *
 * <p>The distribution normally loads its modules from a plugins folder; here the
 * same modules come from Maven Central as plain jars, so they are handed to the
 * node as class-path plugins instead. The same source runs OpenSearch 2.x and 3.x:
 * 3.0 renamed the module classes (CommonAnalysisPlugin became
 * CommonAnalysisModulePlugin, ...) and made the node take plugin descriptions
 * instead of classes, so both are looked up at run time.
 *
 * <p>Arguments: the config folder (opensearch.yml, log4j2.properties) and the
 * home folder that receives data/ and logs/. Environment:
 * <ul>
 *   <li>SEARCH_ENGINE_PORT: HTTP port, default 9200;
 *   <li>SEARCH_ENGINE_TRANSPORT_PORT: transport port, default the HTTP port + 100;
 *   <li>SEARCH_ENGINE_NODE_NAME, SEARCH_ENGINE_CLUSTER_NAME: override opensearch.yml;
 *   <li>SEARCH_ENGINE_SEED_HOSTS: comma-separated transport addresses of the other
 *       nodes; with it the node joins a cluster instead of running single-node;
 *   <li>SEARCH_ENGINE_INITIAL_NODES: node names that elect the first cluster manager.
 * </ul>
 */
public final class PortalSearchNode {

    /** The distribution's modules the portal uses, each by its 3.x then its 2.x class name. */
    private static final List<List<String>> MODULES = List.of(
        List.of("org.opensearch.transport.Netty4ModulePlugin", "org.opensearch.transport.Netty4Plugin"),
        List.of(
            "org.opensearch.analysis.common.CommonAnalysisModulePlugin",
            "org.opensearch.analysis.common.CommonAnalysisPlugin"
        ),
        List.of("org.opensearch.painless.PainlessModulePlugin", "org.opensearch.painless.PainlessPlugin"),
        List.of("org.opensearch.script.mustache.MustacheModulePlugin", "org.opensearch.script.mustache.MustachePlugin"),
        List.of("org.opensearch.index.mapper.MapperExtrasModulePlugin", "org.opensearch.index.mapper.MapperExtrasPlugin"),
        List.of("org.opensearch.join.ParentJoinModulePlugin", "org.opensearch.join.ParentJoinPlugin"),
        List.of("org.opensearch.index.reindex.ReindexModulePlugin", "org.opensearch.index.reindex.ReindexPlugin"),
        List.of("org.opensearch.index.rankeval.RankEvalModulePlugin", "org.opensearch.index.rankeval.RankEvalPlugin")
    );

    private static final TimeValue HEALTH_TIMEOUT = TimeValue.timeValueSeconds(120);

    private PortalSearchNode() {}

    public static void main(String[] args) throws Exception {
        // Must precede any logging so configuration errors are detected, as the stock launcher does.
        LogConfigurator.registerErrorListener();
        if (args.length != 2) {
            System.err.println("usage: PortalSearchNode <config-dir> <home-dir>");
            System.exit(2);
        }
        // LogConfigurator redirects System.out into the logger; keep the real stream for the summary line.
        PrintStream console = System.out;

        Path configDir = Path.of(args[0]).toAbsolutePath().normalize();
        Path homeDir = Path.of(args[1]).toAbsolutePath().normalize();
        Files.createDirectories(homeDir.resolve("data"));
        Files.createDirectories(homeDir.resolve("logs"));

        Settings.Builder overrides = Settings.builder()
            .put("path.home", homeDir.toString())
            .put("path.data", homeDir.resolve("data").toString())
            .put("path.logs", homeDir.resolve("logs").toString())
            .put("http.port", httpPort())
            .put("transport.port", env("SEARCH_ENGINE_TRANSPORT_PORT", String.valueOf(Integer.parseInt(httpPort()) + 100)));
        putIfSet(overrides, "node.name", "SEARCH_ENGINE_NODE_NAME");
        putIfSet(overrides, "cluster.name", "SEARCH_ENGINE_CLUSTER_NAME");
        List<String> seedHosts = list(env("SEARCH_ENGINE_SEED_HOSTS", ""));
        boolean clustered = !seedHosts.isEmpty();
        if (clustered) {
            overrides.putList("discovery.seed_hosts", seedHosts);
            // Read only when the cluster forms for the first time; ignored once its state is on disk.
            overrides.putList("cluster.initial_cluster_manager_nodes", list(env("SEARCH_ENGINE_INITIAL_NODES", "")));
        } else {
            overrides.put("discovery.type", "single-node");
        }
        Environment environment = InternalSettingsPreparer.prepareEnvironment(
            overrides.build(), Map.of(), configDir, () -> "portal-search-1"
        );
        LogConfigurator.setNodeName(Node.NODE_NAME_SETTING.get(environment.settings()));
        LogConfigurator.configure(environment);

        Node node = newNode(environment);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
                node.awaitClose(10, TimeUnit.SECONDS);
            } catch (IOException | InterruptedException e) {
                e.printStackTrace(console);
            } finally {
                stopped.countDown();
            }
        }, "portal-search-shutdown"));

        try {
            node.start();
            ClusterHealthResponse health = node.client().admin().cluster()
                .prepareHealth()
                .setWaitForYellowStatus()
                .setTimeout(HEALTH_TIMEOUT)
                .get();
            if (health.isTimedOut()) {
                console.println("search engine: cluster did not reach yellow within " + HEALTH_TIMEOUT);
                System.exit(1);
            }
            if (!clustered) {
                // With no second node a replica can never be assigned, so every index would stay
                // yellow. OpenSearch reads this default from the cluster metadata only, not from
                // opensearch.yml, hence a persistent cluster setting.
                node.client().admin().cluster()
                    .prepareUpdateSettings()
                    .setPersistentSettings(Settings.builder().put("cluster.default_number_of_replicas", 0))
                    .get();
            }
            long uptimeMs = ManagementFactory.getRuntimeMXBean().getUptime();
            long heapUsedMb = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
            long heapMaxMb = Runtime.getRuntime().maxMemory() >> 20;
            console.printf(
                "search engine ready: OpenSearch %s (Lucene %s) on Java %s, node %s, http://127.0.0.1:%s, "
                    + "cluster %s %s with %d node(s), started in %d ms, heap used %d MiB of %d MiB, RSS %s%n",
                Version.CURRENT,
                org.apache.lucene.util.Version.LATEST,
                Runtime.version(),
                Node.NODE_NAME_SETTING.get(environment.settings()),
                httpPort(),
                health.getClusterName(),
                health.getStatus().name().toLowerCase(),
                health.getNumberOfNodes(),
                uptimeMs,
                heapUsedMb,
                heapMaxMb,
                residentSetSize()
            );
            console.flush();
        } catch (Exception e) {
            // The full trace goes to the log; the last line of the console names the cause,
            // which is what start-background.sh shows when start-up fails.
            LogManager.getLogger(PortalSearchNode.class).error("start-up failed", e);
            console.println("search engine: start-up failed: " + describe(e));
            console.flush();
            System.exit(1);
        }

        // Node threads are daemons; without this the JVM would exit right after start-up.
        stopped.await();
    }

    /**
     * A node with the modules as class-path plugins, through Node's protected constructor
     * (the only one that accepts them). OpenSearch 2.x takes the plugin classes, 3.x
     * takes a PluginInfo per plugin naming its class.
     */
    private static Node newNode(Environment environment) throws ReflectiveOperationException {
        Constructor<Node> constructor = Node.class.getDeclaredConstructor(
            Environment.class, Collection.class, boolean.class
        );
        constructor.setAccessible(true);
        Type element = ((ParameterizedType) constructor.getGenericParameterTypes()[1]).getActualTypeArguments()[0];
        boolean takesInfo = element == PluginInfo.class;
        List<Object> plugins = new ArrayList<>();
        for (List<String> names : MODULES) {
            Class<?> plugin = loadFirst(names);
            plugins.add(takesInfo ? classpathPluginInfo(plugin) : plugin);
        }
        return constructor.newInstance(environment, plugins, true);
    }

    /** What OpenSearch's own test nodes describe a class-path plugin with. */
    private static PluginInfo classpathPluginInfo(Class<?> plugin) {
        return new PluginInfo(
            plugin.getName(), "classpath plugin", "NA", Version.CURRENT, "1.8", plugin.getName(), null, List.of(), false
        );
    }

    private static Class<?> loadFirst(List<String> names) throws ClassNotFoundException {
        for (String name : names) {
            try {
                return Class.forName(name);
            } catch (ClassNotFoundException e) {
                // Named differently in this OpenSearch version: try the next name.
            }
        }
        throw new ClassNotFoundException("none of " + names + " is on the class path");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static void putIfSet(Settings.Builder settings, String key, String variable) {
        String value = env(variable, "");
        if (!value.isEmpty()) {
            settings.put(key, value);
        }
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(item -> !item.isEmpty()).toList();
    }

    private static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String summary = error.getClass().getSimpleName() + ": " + error.getMessage();
        if (root == error) {
            return summary;
        }
        return summary + " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }

    private static String httpPort() {
        return env("SEARCH_ENGINE_PORT", "9200");
    }

    /** Resident set size from procfs; the JVM exposes no portable equivalent. */
    private static String residentSetSize() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return (kib >> 10) + " MiB";
                }
            }
        } catch (IOException | NumberFormatException e) {
            return "unknown";
        }
        return "unknown";
    }
}
