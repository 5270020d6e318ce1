// SPDX-License-Identifier: Apache-2.0
package loupe.server.export;

import loupe.engine.recipe.BackgroundMode;
import loupe.engine.recipe.RecipeOptions;

/**
 * IPTC Digital Source Type terms (http://cv.iptc.org/newscodes/digitalsourcetype/, vocabulary of
 * 2024-10-23) that describe what Loupe does to a photograph. Loupe's background operations are
 * classical algorithms, not generative models, so the generative-AI terms do not apply:
 * {@code trainedAlgorithmicMedia} and {@code compositeWithTrainedAlgorithmicMedia} ("Edited using
 * Generative AI") name a trained model, {@code compositeSynthetic} was relabelled in 2024 "Composite
 * including generative AI elements", and {@code algorithmicMedia} ("created purely by an
 * algorithm") would deny that the product was photographed.
 */
public enum DigitalSourceType {
  /**
   * "Composite of elements: mix or composite of several elements, any of which may or may not be
   * generative AI". The photographed product combined with background pixels that Loupe generated
   * (inpainted defects and props, a fitted clean sweep, pure white).
   */
  COMPOSITE("composite"),
  /**
   * "Algorithmically-altered media: modification or correction by algorithm without changing the
   * main content of the media, initiated or configured by a human, such as sharpening or applying
   * noise reduction". The background was only filtered (denoised); no pixel was generated.
   */
  ALGORITHMICALLY_ENHANCED("algorithmicallyEnhanced");

  /** The vocabulary's namespace; a term's URI is this plus its code. */
  public static final String VOCABULARY = "http://cv.iptc.org/newscodes/digitalsourcetype/";

  private final String code;

  DigitalSourceType(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public String uri() {
    return VOCABULARY + code;
  }

  /**
   * The term for a retouch: {@link #COMPOSITE} when background pixels were generated (a clean or
   * white background, or inpainting), {@link #ALGORITHMICALLY_ENHANCED} when the background was
   * only denoised, null when Loupe changed no visible pixel.
   */
  public static DigitalSourceType forRetouch(RecipeOptions options, boolean backgroundInpainted) {
    if (options.background() != BackgroundMode.KEEP || backgroundInpainted) {
      return COMPOSITE;
    }
    return options.denoise() > 0 ? ALGORITHMICALLY_ENHANCED : null;
  }
}
