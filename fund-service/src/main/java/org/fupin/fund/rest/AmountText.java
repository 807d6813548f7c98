package org.fupin.fund.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

import java.io.IOException;

/**
 * An amount of money in a request: a JSON string only ("1000.00"). Jackson would silently turn a JSON number into a
 * string, and a client sending {@code 1000.1} as a binary float may have lost a fen already, so a number is refused: 400
 * naming the field ({@code amount}, {@code lines[2].amount}) through the platform's JSON problem mapper. The text itself
 * is checked by the domain ({@code Amounts}: positive, two decimals, below 10^12).
 */
public class AmountText extends StdDeserializer<String> {

    public AmountText() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        throw JsonMappingException.from(p, "amount given as " + p.currentToken(), new IllegalArgumentException(
                "must be an amount in yuan as a decimal string such as \"1234.50\", not a JSON number"));
    }

    @Override
    public String getNullValue(DeserializationContext ctxt) {
        return null;
    }
}
