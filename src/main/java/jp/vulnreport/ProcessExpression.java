package jp.vulnreport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A bean method that diagrams may call in an expression ({@code ${deadlines.due(execution, 'KIND')}}).
 * The deployment gate lets expressions call these methods and no others: a process owner's diagram
 * cannot reach the rest of the application (the register, intake, users) through a bean.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ProcessExpression {}
