package dev.newsflow.metrics.query;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import dev.newsflow.metrics.store.Collections;
import java.util.List;
import org.bson.BsonBinaryReader;
import org.bson.BsonType;
import org.bson.Document;
import org.bson.RawBsonDocument;

/**
 * Reads the string entries of documents of the bigram index ({@link Collections#TEXT}) and of the day co-occurrence
 * ({@link Collections#COOCCURRENCE}) straight from the BSON the server sends: a query reads thousands of entries and
 * keeps a few, so nothing but the entry strings is built.
 */
final class EntryReader {

    /** Called for each document read, then for each of its entries. */
    interface Visitor {
        void document(String id);

        void entry(String entry);
    }

    private static final Document ENTRIES = new Document("entries", 1);

    private EntryReader() {
    }

    /** The documents with these ids, read {@link AggregateReader#FETCH_CHUNK} at a time, in the order the server returns them. */
    static void read(MongoDatabase db, String collection, List<String> ids, Visitor visitor) {
        for (int i = 0; i < ids.size(); i += AggregateReader.FETCH_CHUNK) {
            readSome(db, collection, ids.subList(i, Math.min(ids.size(), i + AggregateReader.FETCH_CHUNK)), visitor);
        }
    }

    private static void readSome(MongoDatabase db, String collection, List<String> ids, Visitor visitor) {
        for (RawBsonDocument doc : db.getCollection(collection, RawBsonDocument.class).find(Filters.in("_id", ids)).projection(ENTRIES)) {
            visitor.document(doc.getString("_id").getValue());
            try (BsonBinaryReader r = new BsonBinaryReader(doc.getByteBuffer().asNIO())) {
                r.readStartDocument();
                while (r.readBsonType() != BsonType.END_OF_DOCUMENT) {
                    if (!r.readName().equals("entries") || r.getCurrentBsonType() != BsonType.ARRAY) {
                        r.skipValue();
                        continue;
                    }
                    r.readStartArray();
                    while (r.readBsonType() != BsonType.END_OF_DOCUMENT) {
                        if (r.getCurrentBsonType() == BsonType.STRING) {
                            visitor.entry(r.readString());
                        } else {
                            r.skipValue();
                        }
                    }
                    r.readEndArray();
                }
                r.readEndDocument();
            }
        }
    }
}
