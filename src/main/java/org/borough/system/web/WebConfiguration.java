// SPDX-License-Identifier: AGPL-3.0-or-later
package org.borough.system.web;

import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.webjars.WebJarVersionLocator;

/** Serves GOV.UK Frontend's images from the webjar at the path its CSS expects. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    String version = new WebJarVersionLocator().version("govuk-frontend");
    // Only images: the GDS Transport font is licensed for GOV.UK services, so borough.css
    // sets the council's own typeface and the font files are never served.
    registry
        .addResourceHandler("/assets/images/**")
        .addResourceLocations(
            "classpath:/META-INF/resources/webjars/govuk-frontend/"
                + version
                + "/dist/govuk/assets/images/")
        .setCacheControl(CacheControl.maxAge(Duration.ofDays(7)));
  }
}
