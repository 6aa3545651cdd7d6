package dev.socialbridge.classify;

import opennlp.tools.ml.model.MaxentModel;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

class CompiledQnModelTest {
    private static final MessageNormalizer NORMALIZER = MessageNormalizer.bundled();
    private static final List<String> TEXTS = List.of("", "ok", "C'est combien la bougie Lune ?",
            "Ma commande n'est toujours pas arrivée, ça fait 10 jours 😡😡", "you are all idiots",
            "Check my channel for free followers!!! link in bio www.example.com",
            "Bonjour ! J'ai découvert votre marque grâce à la vidéo de @atelier.lumen et je suis vraiment tentée par le"
                    + " pack pro 😍 Est-ce que la formation en ligne est incluse dans le prix affiché (49 € par mois) ?"
                    + " zzqxw unknownfeaturesxyz ".repeat(20));

    @Test
    void givesExactlyTheProbabilitiesOfTheOpenNlpModel() {
        MaxentModel model = SocialClassifier.readModel(SocialClassifier.INTENT_MODEL);
        CompiledQnModel compiled = CompiledQnModel.of(model);
        assertNotNull(compiled);
        for (String text : TEXTS) {
            NormalizedText normalized = NORMALIZER.normalize(text);
            CompiledQnModel.Scores streamed = compiled.scores();
            IntentFeatures.generate(normalized, streamed);
            double[] expected = model.eval(IntentFeatures.of(normalized));
            assertArrayEquals(expected, streamed.probabilities(), 0.0, text);
            assertArrayEquals(expected, compiled.scores().addAll(IntentFeatures.of(normalized)).probabilities(), 0.0, text);
        }
    }

    @Test
    void namesTheModelsOutcomes() {
        MaxentModel model = SocialClassifier.readModel(SocialClassifier.LANG_MODEL);
        CompiledQnModel compiled = CompiledQnModel.of(model);
        assertEquals(model.getIndex("fr"), compiled.index("fr"));
        assertEquals(model.getIndex("en"), compiled.index("en"));
        assertEquals(-1, compiled.index("de"));
        String[] features = LanguageFeatures.of(NORMALIZER.normalize("the shop is open"));
        assertArrayEquals(model.eval(features), compiled.scores().addAll(features).probabilities(), 0.0);
    }
}
