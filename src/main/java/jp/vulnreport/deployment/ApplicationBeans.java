package jp.vulnreport.deployment;

import java.util.Set;
import jp.vulnreport.deployment.ExpressionChecker.BeanKind;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.MethodMetadata;
import org.springframework.util.ClassUtils;

/**
 * Which names in an expression are beans of the application. Decided from the bean definitions, so
 * it works while the context is still starting (the engine deploys the application's own files
 * during its start-up, before most beans exist).
 *
 * <p>An application bean is one the application defines in {@code jp.vulnreport} for diagrams: a
 * delegate or listener (a component class implementing JavaDelegate, TaskListener or
 * ExecutionListener, or a {@code @Bean} method returning one), or a bean with methods marked
 * {@link jp.vulnreport.ProcessExpression} — and of those only the marked methods may be called. The
 * rest of the application (the register, intake, mail, users and groups, this gate) is not offered
 * to expressions: a diagram cannot reach it through a bean.
 */
public class ApplicationBeans implements ExpressionChecker.BeanCatalog {

  private static final String ROOT = "jp.vulnreport.";
  private static final Set<String> CLOSED_PACKAGES = Set.of("jp.vulnreport.security.", "jp.vulnreport.deployment.",
      "jp.vulnreport.local.");
  private static final Set<String> DELEGATE_TYPES = Set.of(JavaDelegate.class.getName(), TaskListener.class.getName(),
      ExecutionListener.class.getName());

  private final ConfigurableListableBeanFactory beanFactory;

  public ApplicationBeans(ConfigurableListableBeanFactory beanFactory) {
    this.beanFactory = beanFactory;
  }

  @Override
  public BeanKind kindOf(String name) {
    if (!beanFactory.containsBean(name)) {
      return BeanKind.NONE;
    }
    return isApplicationBean(name) ? BeanKind.APPLICATION : BeanKind.OTHER;
  }

  @Override
  public boolean offersMethod(String bean, String method) {
    Class<?> type = beanFactory.getType(bean, false);
    if (type == null) {
      return false;
    }
    for (java.lang.reflect.Method m : ClassUtils.getUserClass(type).getMethods()) {
      if (m.getName().equals(method) && m.isAnnotationPresent(jp.vulnreport.ProcessExpression.class)) {
        return true;
      }
    }
    return false;
  }

  /** A delegate or listener, or a bean with methods for diagrams. */
  private boolean forDiagrams(String name) {
    Class<?> type = beanFactory.getType(name, false);
    if (type == null) {
      return false;
    }
    Class<?> user = ClassUtils.getUserClass(type);
    if (JavaDelegate.class.isAssignableFrom(user) || TaskListener.class.isAssignableFrom(user)
        || ExecutionListener.class.isAssignableFrom(user)) {
      return true;
    }
    for (java.lang.reflect.Method m : user.getMethods()) {
      if (m.isAnnotationPresent(jp.vulnreport.ProcessExpression.class)) {
        return true;
      }
    }
    return false;
  }

  private boolean isApplicationBean(String name) {
    return isDefinedByApplication(name) && forDiagrams(name);
  }

  private boolean isDefinedByApplication(String name) {
    BeanDefinition definition;
    try {
      definition = beanFactory.getMergedBeanDefinition(name);
    } catch (NoSuchBeanDefinitionException e) {
      return false; // a singleton registered by hand (the engine's services and the like)
    }
    if (definition instanceof AnnotatedBeanDefinition annotated && annotated.getFactoryMethodMetadata() != null) {
      MethodMetadata method = annotated.getFactoryMethodMetadata();
      String returned = method.getReturnTypeName();
      return open(method.getDeclaringClassName())
          && (DELEGATE_TYPES.contains(returned) || (returned.startsWith(ROOT) && open(returned)));
    }
    String className = definition.getBeanClassName();
    if (className == null || definition.getFactoryBeanName() != null || !open(className)) {
      return false;
    }
    Class<?> type = beanFactory.getType(name, false);
    return type != null && !AnnotatedElementUtils.hasAnnotation(ClassUtils.getUserClass(type),
        org.springframework.context.annotation.Configuration.class);
  }

  private static boolean open(String className) {
    return className.startsWith(ROOT) && CLOSED_PACKAGES.stream().noneMatch(className::startsWith);
  }
}
