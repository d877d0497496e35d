package dev.newsflow.ingest.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;

/**
 * Request bodies decoded strictly in their declared charset (UTF-8 when none is declared): bytes that are not
 * text in that charset are refused with a reason instead of turning into replacement characters. GBK, GB18030
 * and Big5 bodies are transcoded when the charset is declared.
 */
public final class RequestText {

    private RequestText() {
    }

    public static String decode(byte[] body, MediaType contentType) {
        if (body == null || body.length == 0) {
            return "";
        }
        Charset charset = contentType == null || contentType.getCharset() == null ? StandardCharsets.UTF_8 : contentType.getCharset();
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new UndecodableBodyException("the body is not valid " + charset.name()
                    + " text; declare its charset in Content-Type (e.g. text/plain; charset=GBK) or send UTF-8");
        }
    }

    /** The body's bytes are not text in the declared charset. */
    public static final class UndecodableBodyException extends RuntimeException {
        UndecodableBodyException(String message) {
            super(message);
        }
    }
}
