package dev.newsflow.metrics;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;

/** An in-memory mongo-java-server on a random port, and a client to it. */
public final class TestMongo implements AutoCloseable {

    private final MongoServer server;
    private final MongoClient client;
    private final String uri;

    public TestMongo() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        uri = "mongodb://127.0.0.1:" + address.getPort();
        client = MongoClients.create(uri);
    }

    public String uri(String database) {
        return uri + "/" + database;
    }

    public MongoDatabaseFactory factory(String database) {
        return new SimpleMongoClientDatabaseFactory(client, database);
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
