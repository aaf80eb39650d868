import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.File;
import java.io.IOException;

/**
 * Writes the OpenAPI document, kept in YAML, as the JSON the API serves. It runs when the module is built, so
 * that the function ships no YAML parser. Arguments: the YAML file, the JSON file.
 */
class OpenApiJson {

    public static void main(String[] args) throws IOException {
        new ObjectMapper().writeValue(new File(args[1]), new YAMLMapper().readTree(new File(args[0])));
    }
}
