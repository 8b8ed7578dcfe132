package portal.search;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.logging.log4j.LogManager;
import org.opensearch.Version;
import org.opensearch.action.admin.cluster.health.ClusterHealthResponse;
import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.logging.LogConfigurator;
import org.opensearch.common.settings.Settings;
import org.opensearch.common.unit.TimeValue;
import org.opensearch.env.Environment;
import org.opensearch.index.mapper.MapperExtrasPlugin;
import org.opensearch.index.rankeval.RankEvalPlugin;
import org.opensearch.index.reindex.ReindexPlugin;
import org.opensearch.join.ParentJoinPlugin;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.painless.PainlessPlugin;
import org.opensearch.plugins.Plugin;
import org.opensearch.script.mustache.MustachePlugin;
import org.opensearch.transport.Netty4Plugin;

/**
 * Starts one OpenSearch node in this JVM from the jars on the class path.
 *
 * <p>The distribution normally loads its modules from a plugins folder; here the
 * same modules come from Maven Central as plain jars, so they are handed to the
 * node as class-path plugins instead.
 *
 * <p>Arguments: the config folder (opensearch.yml, log4j2.properties) and the
 * home folder that receives data/ and logs/. Environment: SEARCH_ENGINE_PORT
 * (HTTP port, default 9200).
 */
public final class PortalSearchNode {

    private static final List<Class<? extends Plugin>> MODULES = List.of(
        Netty4Plugin.class,
        CommonAnalysisPlugin.class,
        PainlessPlugin.class,
        MustachePlugin.class,
        MapperExtrasPlugin.class,
        ParentJoinPlugin.class,
        ReindexPlugin.class,
        RankEvalPlugin.class
    );

    private static final TimeValue HEALTH_TIMEOUT = TimeValue.timeValueSeconds(120);

    /** Exposes Node's protected constructor, the only one that accepts class-path plugins. */
    private static final class EmbeddedNode extends Node {
        EmbeddedNode(Environment environment) {
            super(environment, MODULES, true);
        }
    }

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

        Settings overrides = Settings.builder()
            .put("path.home", homeDir.toString())
            .put("path.data", homeDir.resolve("data").toString())
            .put("path.logs", homeDir.resolve("logs").toString())
            .put("http.port", httpPort())
            .build();
        Environment environment = InternalSettingsPreparer.prepareEnvironment(
            overrides, Map.of(), configDir, () -> "portal-search-1"
        );
        LogConfigurator.setNodeName(Node.NODE_NAME_SETTING.get(environment.settings()));
        LogConfigurator.configure(environment);

        Node node = new EmbeddedNode(environment);
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
            // With no second node a replica can never be assigned, so every index would stay
            // yellow. OpenSearch reads this default from the cluster metadata only, not from
            // opensearch.yml, hence a persistent cluster setting.
            node.client().admin().cluster()
                .prepareUpdateSettings()
                .setPersistentSettings(Settings.builder().put("cluster.default_number_of_replicas", 0))
                .get();
            long uptimeMs = ManagementFactory.getRuntimeMXBean().getUptime();
            long heapUsedMb = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
            long heapMaxMb = Runtime.getRuntime().maxMemory() >> 20;
            console.printf(
                "search engine ready: OpenSearch %s (Lucene %s) on Java %s, http://127.0.0.1:%s, cluster %s, "
                    + "started in %d ms, heap used %d MiB of %d MiB, RSS %s%n",
                Version.CURRENT,
                org.apache.lucene.util.Version.LATEST,
                Runtime.version(),
                httpPort(),
                health.getStatus().name().toLowerCase(),
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
        String port = System.getenv("SEARCH_ENGINE_PORT");
        return port == null || port.isBlank() ? "9200" : port.trim();
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
